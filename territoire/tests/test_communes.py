"""The 71 communes of the Métropole, present after `migrate` and reloadable."""

import pytest
from django.core.management import call_command

from territoire.models import Commune

pytestmark = pytest.mark.django_db


def test_migrate_loads_the_71_communes_with_rouen_as_76540():
    assert Commune.objects.count() == 71
    assert Commune.objects.get(pk="76540").nom == "Rouen"


def test_load_communes_is_idempotent(capsys):
    call_command("load_communes")
    call_command("load_communes")

    assert Commune.objects.count() == 71
    assert "71 communes" in capsys.readouterr().out


def test_communes_keep_their_leading_zeros_and_postcodes():
    commune = Commune.objects.get(nom="Saint-Étienne-du-Rouvray")
    assert commune.code_insee == "76575"
    assert "76800" in commune.codes_postaux
    assert commune.nom_normalise == "saint-etienne-du-rouvray"
