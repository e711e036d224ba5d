"""Pilotage: the Python side of the CRM performance-reporting pipeline."""
