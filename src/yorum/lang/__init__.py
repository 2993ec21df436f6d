"""Language data and text utilities, one folder per language."""
