### Mensajes del ejemplo «¡Hola, mundo!», español (es-ES, es-MX, es-US).

welcome = ¡Te doy la bienvenida! Puedes decirme hola.
welcome-reprompt = Puedes decir hola.
hello-world = ¡Hola, mundo!
help = Saludo al mundo en tu idioma. Solo tienes que decir hola para escuchar mi saludo.
help-reprompt = Di hola para escuchar mi saludo.
# $name (String) - un nombre que dio el usuario.
hello-name = ¡Hola, { $name }!
