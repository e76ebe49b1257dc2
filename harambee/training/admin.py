from django.contrib import admin

from harambee.training.models import Cohort, Competency, Framework, Item, Module, Programme


class CompetencyInline(admin.TabularInline):
    model = Competency
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    inlines = [CompetencyInline]


class ModuleInline(admin.TabularInline):
    model = Module
    extra = 0


class CohortInline(admin.TabularInline):
    model = Cohort
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "space", "partner"]
    raw_id_fields = ["space", "partner"]
    inlines = [ModuleInline, CohortInline]


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "position"]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "module", "kind", "position"]
    raw_id_fields = ["content"]
