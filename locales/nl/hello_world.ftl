### Berichten van het voorbeeld "Hallo, wereld!", Nederlands (nl-NL).

welcome = Welkom! Je kunt hallo tegen me zeggen.
welcome-reprompt = Je kunt hallo zeggen.
hello-world = Hallo, wereld!
help = Ik begroet de wereld in jouw taal. Zeg gewoon hallo om mijn groet te horen.
help-reprompt = Zeg hallo om mijn groet te horen.
# $name (String) - een naam die de gebruiker heeft genoemd.
hello-name = Hallo, { $name }!
