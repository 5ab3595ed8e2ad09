"""Dashboard forms, one module per area. They only parse and present input: the services hold
the rules, and their ``ValidationError``s are shown beside these fields
(``core.views.add_service_errors`` / ``run_service``)."""
