from django.contrib import admin

from trust.admin import ReadOnlyHistoryAdmin

from .models import Partner, Person


@admin.register(Partner)
class PartnerAdmin(ReadOnlyHistoryAdmin):
    list_display = ("name", "sector", "duty_to_cooperate", "agreement_signed", "isp_signed")
    list_filter = ("sector", "duty_to_cooperate")
    search_fields = ("name", "short_name")


@admin.register(Person)
class PersonAdmin(ReadOnlyHistoryAdmin):
    list_display = ("name", "job_title", "partner", "user")
    list_filter = ("partner",)
    search_fields = ("name", "email")
    autocomplete_fields = ("user",)
