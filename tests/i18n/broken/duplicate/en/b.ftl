# Defines hello a second time in the same locale.
other = Something else
hello = Hi again
