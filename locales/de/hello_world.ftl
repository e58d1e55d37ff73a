### Nachrichten des Beispiel-Skills „Hallo Welt“, Deutsch (de-DE).

welcome = Willkommen! Du kannst „Hallo“ zu mir sagen.
welcome-reprompt = Du kannst „Hallo“ sagen.
hello-world = Hallo Welt!
help = Ich begrüße die Welt in deiner Sprache. Sag einfach „Hallo“, dann grüße ich zurück.
help-reprompt = Sag einfach „Hallo“.
# $name (String) - ein Name, den die Nutzerin oder der Nutzer genannt hat.
hello-name = Hallo, { $name }!
