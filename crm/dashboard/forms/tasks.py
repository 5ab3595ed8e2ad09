"""The task form and the follow-up settings form (cleaning only: the writes are
``crm.tasks.services``)."""

from __future__ import annotations

from typing import Any

from django import forms

from accounts.models import Agency, User
from accounts.tenancy import active_members
from core.forms import DateInput, TimeInput, model_choice
from crm.clients.selectors import client_choices
from crm.dashboard.forms.common import client_id as _client_id
from crm.models import Client, FollowUpSettings, Task

LINKS = ("itinerary", "proposal", "booking")


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.display_name


class TaskForm(forms.ModelForm):
    client = forms.ModelChoiceField(queryset=Client.objects.none())
    assignee = MemberChoiceField(queryset=active_members(agency=0), label="Assigned to")
    # The record it is about, set from the page it was added on (checked by the service).
    itinerary = forms.IntegerField(required=False, widget=forms.HiddenInput)
    proposal = forms.IntegerField(required=False, widget=forms.HiddenInput)
    booking = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Task
        fields = ["title", "due_date", "due_time", "priority", "notes"]
        labels = {"due_date": "Due on", "due_time": "Due at (optional)"}
        widgets = {
            "due_date": DateInput(),
            "due_time": TimeInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = ["title", "client", "assignee", "due_date", "due_time", "priority", "notes"]

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice(self, "client").queryset = client_choices(
            agency=agency, keep=_client_id(self.initial.get("client"))
        )
        model_choice(self, "assignee").queryset = active_members(agency=agency)

    @classmethod
    def initial_for(cls, task: Task) -> dict[str, Any]:
        initial = {name: getattr(task, name) for name in cls.Meta.fields}
        initial.update(client=task.client_id, assignee=task.assignee_id)
        initial.update({name: getattr(task, f"{name}_id") for name in LINKS})
        return initial

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = {name: data[name] for name in (*self.Meta.fields, "client", "assignee")}
        fields.update({name: data.get(name) for name in LINKS})
        return fields


class FollowUpSettingsForm(forms.ModelForm):
    class Meta:
        model = FollowUpSettings
        fields = ["lead_reply", "proposal_follow_up", "proposal_follow_up_days", "collect_payment"]
        labels = {
            "lead_reply": "Reply to new leads",
            "proposal_follow_up": "Follow up unanswered proposals",
            "proposal_follow_up_days": "Days without an answer before the follow-up",
            "collect_payment": "Collect instalments due within 7 days",
        }
