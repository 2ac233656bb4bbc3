"""What every workflow of the portal shares (parcours, steps, interviews, dossiers, calls)."""

from django.core.exceptions import ValidationError


class TransitionInvalide(ValidationError):
    """A refused move of a workflow, changing nothing. Its French message (`.message`) is shown to
    the user as is; being a ValidationError, a form can take it as one of its errors."""

    def __str__(self):
        # The message itself, not ValidationError's "['…']", for logs and failed reports.
        return str(self.message) if hasattr(self, "message") else super().__str__()
