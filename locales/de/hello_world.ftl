### Nachrichten des Beispiel-Skills „Hallo Welt“, Deutsch (de-DE).
### Begrüßung und Hilfe enden mit einer Frage, die sagt, was man sagen kann.

welcome = Willkommen! Ich grüße die Welt in deiner Sprache. Möchtest du „Hallo“ sagen oder mir deinen Namen verraten?
welcome-reprompt = Möchtest du „Hallo“ sagen oder mir deinen Namen verraten?
hello-world = Hallo Welt!
help = Ich grüße die Welt in deiner Sprache und dich mit deinem Namen, wenn du ihn mir sagst. Sag zum Beispiel „Hallo“ oder „Ich heiße Lena“. Was möchtest du sagen?
help-reprompt = Sagst du „Hallo“, oder verrätst du mir deinen Namen?
# $name (String) - ein Name, den die Nutzerin oder der Nutzer genannt hat.
hello-name = Hallo, { $name }!
