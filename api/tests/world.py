"""The tokens of the test world: an API token per persona (`w.jetons_api[persona]`, the secret),
the referent's API token as a record (`w.jeton_referent`) and their calendar address
(`w.agenda_referent`, the secret)."""

from accounts.models import JetonPersonnel
from accounts.tests.factories import jeton_de_test
from tests.world import PERSONAS


def build(w):
    w.jetons_api = {p: jeton_de_test(getattr(w, p)) for p in PERSONAS if p != "anonyme"}
    w.jeton_referent = JetonPersonnel.objects.get(utilisateur=w.referent, usage=JetonPersonnel.Usage.API)
    w.agenda_referent = jeton_de_test(w.referent, usage=JetonPersonnel.Usage.AGENDA)
