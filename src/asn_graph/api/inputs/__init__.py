"""Mutation inputs: each parses its GraphQL value into the application's typed command."""
