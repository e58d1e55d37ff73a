# Ingebouwde berichten van alexa-kit (Nederlands, met je/jij zoals Alexa).

welcome = Welkom! Zeg ‘help’ om te horen wat ik kan. Wat wil je doen?
welcome-reprompt = Wat wil je doen? Zeg ‘help’ als je het niet zeker weet.
help = Zeg gewoon wat je wilt doen, dan doe ik mijn best. Zeg ‘stop’ om af te sluiten. Wat wil je doen?
help-reprompt = Wat wil je doen? Zeg ‘stop’ om af te sluiten.
goodbye = Tot ziens!
fallback = Sorry, dat heb ik niet begrepen. Zeg ‘help’ om te horen wat ik kan, of vertel me wat je wilt doen.
fallback-reprompt = Wat wil je doen? Je kunt ook ‘help’ zeggen.
error = Sorry, er ging iets mis. Probeer het nog eens.
navigate-home = Oké, tot de volgende keer!
permission-consent = Daarvoor heb ik je toestemming nodig. Ik heb een kaart naar je Alexa-app gestuurd waar je die kunt geven.
