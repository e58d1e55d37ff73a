### Messaggi dell'esempio "Ciao, mondo!", italiano (it-IT).
### Benvenuto e aiuto finiscono con una domanda che dice cosa rispondere.

welcome = Ti do il benvenuto! Saluto il mondo nella tua lingua. Vuoi dirmi ciao, o dirmi come ti chiami?
welcome-reprompt = Vuoi dirmi ciao, o dirmi come ti chiami?
hello-world = Ciao, mondo!
help = Saluto il mondo nella tua lingua, e anche te per nome, se me lo dici. Prova a dire ciao, oppure mi chiamo Giulia. Cosa vuoi dirmi?
help-reprompt = Mi dici ciao, o mi dici il tuo nome?
# $name (String) - un nome indicato dall'utente.
hello-name = Ciao, { $name }!
