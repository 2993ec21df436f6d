"""Turkish: casing, folding, word lists."""
