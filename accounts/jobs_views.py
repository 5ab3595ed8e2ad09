"""Settings → Jobs: the owner's view of the agency's background jobs (queued, running,
failed with the error) and a retry for a failed one. Owners only; admins and agents get a 403.

In development mode (``JOBS_MODE=inline``, the SQLite default) there is no queue to show:
jobs run in the web process right after their change commits, and the page says so.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from accounts.jobs import agency_job_retry, job_errors
from accounts.models import Role
from accounts.tenancy import agency_required
from core import jobs
from core.validation import parse_int
from core.views import paginate, querystring_without_page

SHOWN = {"todo": "Queued", "doing": "Running", "failed": "Failed", "succeeded": "Done"}


@never_cache
@agency_required
def jobs_page(request: HttpRequest) -> HttpResponse:
    """GET: the list (``?status=`` one of SHOWN, ``?page=``). POST ``job=<id>``: retry it."""
    if request.user.role != Role.OWNER:  # type: ignore[union-attr]  # signed in (agency_required)
        raise PermissionDenied("Only the agency's owner can see its background jobs.")
    agency_id: int = request.agency.pk  # type: ignore[attr-defined]
    if not jobs.queue_available():
        if request.method == "POST":
            raise Http404
        return render(request, "accounts/jobs.html", {"inline": True})
    if request.method == "POST":
        return _retry(request, agency_id)
    status = request.GET.get("status", "")
    status = status if status in SHOWN else ""
    page = paginate(request, jobs.job_list(agency_id=agency_id, status=status or None))
    errors = job_errors(agency_id=agency_id, job_ids=[job.id for job in page])
    counts = jobs.job_counts(agency_id=agency_id)
    return render(
        request,
        "accounts/jobs.html",
        {
            "page": page,
            "rows": [(job, errors.get(str(job.id), "")) for job in page],
            "status": status,
            "filters": [(key, label, counts.get(key, 0)) for key, label in SHOWN.items()],
            "querystring": querystring_without_page(request),
            "status_label": SHOWN.get(status, ""),
        },
    )


def _retry(request: HttpRequest, agency_id: int) -> HttpResponse:
    job_id = parse_int(request.POST.get("job", ""))
    if job_id is None:
        raise Http404
    try:
        agency_job_retry(agency_id=agency_id, actor=request.user, job_id=job_id)  # type: ignore[arg-type]
    except ObjectDoesNotExist:
        raise Http404 from None
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Job #{job_id} is queued again.")
    return redirect("jobs")
