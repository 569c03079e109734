from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import PriorityLevel, PriorityScale


class PriorityLevelInline(admin.TabularInline):
    model = PriorityLevel
    extra = 0


@admin.register(PriorityScale)
class PriorityScaleAdmin(SimpleHistoryAdmin):
    list_display = ("name",)
    inlines = [PriorityLevelInline]
