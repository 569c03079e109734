from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Component, Plan, User

admin.site.site_header = "Administration"


@admin.register(User)
class TrustUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "first_name", "last_name", "role", "is_active")
    list_filter = ("role", "is_active", "is_staff")
    fieldsets = (*UserAdmin.fieldsets, ("Role in the trust", {"fields": ("role",)}))


@admin.register(Component)
class ComponentAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "function", "order")
    search_fields = ("name", "short_name")


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ("title", "start_year", "end_year")
