from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from crm import selectors


@login_required
def home(request: HttpRequest) -> HttpResponse:
    counts = selectors.agency_counts(agency=request.user.agency)
    return render(request, "crm/home.html", {"counts": counts})
