"""Computations behind transfer planning: candidate scoring and the plan optimiser. Pure: no I/O."""
