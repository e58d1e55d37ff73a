# Eingebaute Meldungen von alexa-kit (Deutsch, Anrede mit „du“ wie Alexa selbst).

welcome = Willkommen! Sag „Hilfe“, um zu hören, was ich kann. Was möchtest du tun?
welcome-reprompt = Was möchtest du tun? Wenn du unsicher bist, sag „Hilfe“.
help = Sag mir einfach, was du tun möchtest, und ich gebe mein Bestes. Zum Beenden sag „Stopp“. Was möchtest du tun?
help-reprompt = Was möchtest du tun? Zum Beenden sag „Stopp“.
goodbye = Tschüss!
fallback = Das habe ich leider nicht verstanden. Sag „Hilfe“, um zu hören, was ich kann, oder sag mir, was du tun möchtest.
fallback-reprompt = Was möchtest du tun? Du kannst auch „Hilfe“ sagen.
error = Entschuldigung, da ist etwas schiefgelaufen. Bitte versuch es noch einmal.
navigate-home = Alles klar, bis zum nächsten Mal!
permission-consent = Dafür brauche ich deine Erlaubnis. Ich habe dir eine Karte in die Alexa App geschickt, dort kannst du sie erteilen.
