"""No task: the participants exports and documents are report kinds (reports), the retention is rgpd's."""
