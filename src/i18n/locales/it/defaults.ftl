# Messaggi predefiniti di alexa-kit (italiano, con il tu come Alexa).

welcome = Ti do il benvenuto! Di' «aiuto» per sapere cosa posso fare. Cosa vuoi fare?
welcome-reprompt = Cosa vuoi fare? Se hai dubbi, di' «aiuto».
help = Dimmi pure cosa vuoi fare e farò del mio meglio. Per uscire, di' «stop». Cosa vuoi fare?
help-reprompt = Cosa vuoi fare? Per uscire, di' «stop».
goodbye = Arrivederci!
fallback = Scusa, non ho capito. Di' «aiuto» per sapere cosa posso fare, oppure dimmi cosa vuoi fare.
fallback-reprompt = Cosa vuoi fare? Puoi anche dire «aiuto».
error = Scusa, qualcosa è andato storto. Riprova, per favore.
navigate-home = Va bene, alla prossima!
permission-consent = Per questo mi serve il tuo permesso. Ti ho inviato una scheda nell'app Alexa, dove puoi concederlo.
