from django.urls import reverse

from participants.fusion import fusionner
from participants.tests.factories import ParticipantFactory


def test_the_merge_log_is_readable_in_the_admin_and_cannot_be_edited(world, client_of):
    doublon = ParticipantFactory(nom="Lefevre", prenom="Helene")
    fusion = fusionner(world.participant, doublon, world.coordination)
    client = client_of(world.admin)
    assert client.get(reverse("admin:participants_fusion_changelist")).status_code == 200
    assert client.get(reverse("admin:participants_fusion_change", args=[fusion.pk])).status_code == 200
    assert client.get(reverse("admin:participants_fusion_add")).status_code == 403
