"""No task: the reference file is loaded by a data migration and `load_communes`."""
