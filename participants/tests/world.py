"""Participant objects of the shared test world: documents inside and outside each scope."""

from participants.tests.factories import DocumentFactory


def build(world):
    w = world
    w.document = DocumentFactory(participant=w.participant, titre="CV Hélène", auteur=w.referent)
    w.document_autre = DocumentFactory(participant=w.participant_autre, titre="CV Paul", auteur=w.referent_autre)
    w.document_collegue = DocumentFactory(
        participant=w.participant_collegue, titre="Attestation Léa", auteur=w.referent_collegue
    )
