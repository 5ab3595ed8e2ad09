"""The parts of ``bench/run`` (bench/README.md): where results go and how the servers are
configured (``environment``), the datasets (``dataset``), the scenarios and their preflight
(``scenarios``), wrk runs and their rounds (``measure``), and the JSON records and the markdown
report (``report``)."""
