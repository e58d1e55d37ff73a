### Berichten van het voorbeeld "Hallo, wereld!", Nederlands (nl-NL).
### Welkom en help eindigen met een vraag die zegt wat je kunt zeggen.

welcome = Welkom! Ik begroet de wereld in jouw taal. Wil je hallo zeggen, of me vertellen hoe je heet?
welcome-reprompt = Wil je hallo zeggen, of me vertellen hoe je heet?
hello-world = Hallo, wereld!
help = Ik begroet de wereld in jouw taal, en jou bij je naam als je die vertelt. Zeg bijvoorbeeld hallo, of ik heet Sanne. Wat wil je zeggen?
help-reprompt = Zeg je hallo, of vertel je me hoe je heet?
# $name (String) - een naam die de gebruiker heeft genoemd.
hello-name = Hallo, { $name }!
