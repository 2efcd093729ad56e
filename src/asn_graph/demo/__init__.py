"""Realistic synthetic data, written through the same use cases the API calls."""
