from django.contrib import admin

from trust.admin import ReadOnlyHistoryAdmin

from .models import KeyRole, Memorandum, MemorandumSection, Partner, Person, TermsOfReference


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


@admin.register(TermsOfReference)
class TermsOfReferenceAdmin(ReadOnlyHistoryAdmin):
    list_display = ("component", "number", "kind", "agreed", "review_date")
    list_filter = ("kind", "component")


@admin.register(Memorandum)
class MemorandumAdmin(ReadOnlyHistoryAdmin):
    list_display = ("title", "number", "agreed", "review_date")


@admin.register(MemorandumSection)
class MemorandumSectionAdmin(ReadOnlyHistoryAdmin):
    list_display = ("heading", "memorandum", "order")


@admin.register(KeyRole)
class KeyRoleAdmin(ReadOnlyHistoryAdmin):
    list_display = ("title", "person", "started", "ended")
