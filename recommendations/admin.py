from django.contrib import admin

from trust.admin import ReadOnlyHistoryAdmin, ReadOnlyInline

from .models import PriorityLevel, PriorityScale


class PriorityLevelInline(ReadOnlyInline):
    model = PriorityLevel


@admin.register(PriorityScale)
class PriorityScaleAdmin(ReadOnlyHistoryAdmin):
    list_display = ("name",)
    inlines = [PriorityLevelInline]
