"""Onboarding an agency's existing records: spreadsheets and SIASN exports read row by row,
checked, and recorded through the same use cases as the API."""
