"""The reliability drills' parts (``bench/faults.py``, ``bench/soak.py``; bench/RELIABILITY.md):
the throwaway services (``sandbox``), what both drills share (``base``), the fault scenarios
(``faults_base``, ``faults_postgres``, ``faults_redis``) and the soak's clients and checks
(``soak_clients``, ``soak_verify``)."""
