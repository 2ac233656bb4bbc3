"""The dossier page gathers many forms: every id is unique and every form control has its label
(issue 15: two `id_texte`, two `id_motif`; the message box had no label)."""

import pytest

from tests.matrix import controles_sans_label, ids_en_double

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "dossier"),
    [
        ("instructeur", "dossier_autre"),
        ("coordination", "dossier_autre"),
        ("coordination", "dossier_retenu"),
        ("porteur", "dossier_depose"),
        ("porteur", "dossier_brouillon"),
    ],
)
def test_the_dossier_page_has_unique_ids_and_a_label_for_every_control(world, client_of, persona, dossier):
    page = client_of(getattr(world, persona)).get(getattr(world, dossier).get_absolute_url()).content.decode()
    assert ids_en_double(page) == []
    assert controles_sans_label(page) == []
