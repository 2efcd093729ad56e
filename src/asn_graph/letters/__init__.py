"""Decree letters (surat keputusan): the PDF rendered from a decree's recorded facts, and the
public verification of a letter by an unguessable address."""
