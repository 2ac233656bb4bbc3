"""SIRET (Luhn) and RNA validation, and uniqueness of identifiers when present."""

import pytest
from django.core.exceptions import ValidationError

from partners.models import Structure
from partners.siret import make_siret
from partners.tests.factories import StructureFactory
from partners.validators import validate_rna, validate_siret


def test_a_real_siret_passes_the_luhn_check():
    validate_siret("21760540100017")  # Mairie de Rouen


def test_a_siret_with_a_wrong_key_is_refused_in_french():
    with pytest.raises(ValidationError) as error:
        validate_siret("21760540100018")
    assert "clé de contrôle" in error.value.messages[0]


@pytest.mark.parametrize("value", ["2176054010001", "217605401000170", "2176054010001A", ""])
def test_a_siret_that_is_not_fourteen_digits_is_refused(value):
    with pytest.raises(ValidationError) as error:
        validate_siret(value)
    assert "14 chiffres" in error.value.messages[0]


def test_la_poste_establishments_use_their_own_key():
    validate_siret("35600000000048")


def test_generated_demo_sirets_are_valid():
    for number in range(50):
        validate_siret(make_siret(number * 7919))


def test_an_rna_number_is_w_and_nine_digits():
    validate_rna("W763001234")
    with pytest.raises(ValidationError) as error:
        validate_rna("W76300123")
    assert "W suivi de 9 chiffres" in error.value.messages[0]


@pytest.mark.django_db
def test_two_structures_without_siret_or_rna_are_allowed(communes):
    Structure.objects.create(nom="Sans identifiant 1", type="autre")
    Structure.objects.create(nom="Sans identifiant 2", type="autre")

    assert Structure.objects.filter(siret__isnull=True, rna__isnull=True).count() >= 2


@pytest.mark.django_db
def test_a_siret_already_used_is_refused_with_a_french_message(communes):
    existing = StructureFactory()
    duplicate = Structure(nom="Doublon", type="autre", siret=existing.siret)

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "existe déjà" in str(error.value)
