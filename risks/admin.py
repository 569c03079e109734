"""Risk registers in the admin: read-only with their history, as every tracked record
(``trust.admin``). DCS staff keep registers and risks through the pages."""

from django.contrib import admin

from trust.admin import ReadOnlyHistoryAdmin

from .models import Risk, RiskRegister


@admin.register(RiskRegister)
class RiskRegisterAdmin(ReadOnlyHistoryAdmin):
    list_display = ("name", "kind", "next_review_date")
    search_fields = ("name",)


@admin.register(Risk)
class RiskAdmin(ReadOnlyHistoryAdmin):
    list_display = ("reference", "title", "register", "status")
    list_filter = ("status",)
    search_fields = ("reference", "title")
