### Messaggi dell'esempio "Ciao, mondo!", italiano (it-IT).

welcome = Ti do il benvenuto! Puoi salutarmi dicendo ciao.
welcome-reprompt = Puoi dire ciao.
hello-world = Ciao, mondo!
help = Saluto il mondo nella tua lingua. Basta dire ciao per sentire il mio saluto.
help-reprompt = Prova a dire ciao.
# $name (String) - un nome indicato dall'utente.
hello-name = Ciao, { $name }!
