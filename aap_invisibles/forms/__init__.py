"""Forms of the calls for projects app: validation lives here, views stay thin."""

from .appels import *  # noqa: F403
from .avis import *  # noqa: F403
from .comptes import *  # noqa: F403
from .courriers import *  # noqa: F403
from .dossier import *  # noqa: F403
