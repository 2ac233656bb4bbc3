"""FSE+ operations (issue 17): coordination's pages, forms and the data quality of each operation.
The model and its default rule live in parcours/models/operations.py."""
