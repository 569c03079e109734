"""The Django admin: accounts, and a read-only view of the trust's records with their history.

Writes to tracked records go through the pages, which save through ``trust.services`` (the
version check, the reason, one transaction). The admin's own save, delete and "revert to
this version" would skip all three, so for tracked records it only shows; DCS staff change
records through the pages and restore deleted ones from Recent changes.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Attachment,
    Component,
    ExternalBody,
    Function,
    MembershipRole,
    Plan,
    ReportingLine,
    Sector,
    User,
)

admin.site.site_header = "Administration"


class NoRevertMixin:
    """The history may be read here, not reverted to: that would save without a reason."""

    def history_form_view(self, request, *args, **kwargs):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, *args, **kwargs)


class ReadOnlyHistoryAdmin(NoRevertMixin, SimpleHistoryAdmin):
    """A tracked model in the admin: view and history only (see the module's docstring)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(User)
class TrustUserAdmin(NoRevertMixin, UserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "first_name", "last_name", "role", "is_active")
    list_filter = ("role", "is_active", "is_staff")
    fieldsets = (*UserAdmin.fieldsets, ("Role in the trust", {"fields": ("role",)}))

    def has_delete_permission(self, request, obj=None):
        # Every history row names who made it: a leaver's account is made inactive instead.
        return False


@admin.register(Component)
class ComponentAdmin(ReadOnlyHistoryAdmin):
    list_display = ("name", "short_name", "function", "order")
    search_fields = ("name", "short_name")


@admin.register(Plan)
class PlanAdmin(ReadOnlyHistoryAdmin):
    list_display = ("title", "start_year", "end_year")


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyHistoryAdmin):
    """What is attached where; the files themselves only through the record's pages, which
    ask who may see the record (the stored name is not shown: it has no address)."""

    list_display = ("title", "original_filename", "kind", "content_type", "attached_by")
    list_filter = ("kind", "content_type")
    search_fields = ("title", "original_filename")
    fields = (
        ("content_type", "object_id"),
        "title",
        "kind",
        "description",
        ("original_filename", "mime_type", "size"),
        ("attached_by", "attached_at"),
    )


@admin.register(Sector)
class SectorAdmin(ReadOnlyHistoryAdmin):
    list_display = ("name", "order")


@admin.register(MembershipRole)
class MembershipRoleAdmin(ReadOnlyHistoryAdmin):
    list_display = ("name", "is_chair", "order")


@admin.register(Function)
class FunctionAdmin(ReadOnlyHistoryAdmin):
    list_display = ("name", "order")


@admin.register(ExternalBody)
class ExternalBodyAdmin(ReadOnlyHistoryAdmin):
    list_display = ("name", "kind")


@admin.register(ReportingLine)
class ReportingLineAdmin(ReadOnlyHistoryAdmin):
    list_display = ("from_component", "to_component", "to_body")
