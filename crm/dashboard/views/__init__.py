"""The agents' dashboard. One module per area; every view is wrapped by ``agency_required``
(``crm.views.base``), the dashboard's single tenant boundary."""
