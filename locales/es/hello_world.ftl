### Mensajes del ejemplo «¡Hola, mundo!», español (es-ES, es-MX, es-US).
### La bienvenida y la ayuda terminan con una pregunta que dice qué se puede decir.

welcome = ¡Te doy la bienvenida! Saludo al mundo en tu idioma. ¿Quieres decirme hola, o decirme cómo te llamas?
welcome-reprompt = ¿Quieres decirme hola, o decirme cómo te llamas?
hello-world = ¡Hola, mundo!
help = Saludo al mundo en tu idioma, y a ti por tu nombre si me lo dices. Puedes decir hola, o me llamo Ana. ¿Qué quieres decirme?
help-reprompt = ¿Me dices hola, o me dices tu nombre?
# $name (String) - un nombre que dio el usuario.
hello-name = ¡Hola, { $name }!
