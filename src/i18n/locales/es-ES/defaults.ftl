# Mensajes integrados de alexa-kit: variante de España («apetecer», pretérito perfecto, comillas latinas).

welcome = ¡Te doy la bienvenida! Di «ayuda» para saber qué puedo hacer. ¿Qué te apetece hacer?
welcome-reprompt = ¿Qué te apetece hacer? Si tienes dudas, di «ayuda».
help = Dime qué te apetece hacer y haré lo posible por ayudarte. Si quieres terminar, di «salir». ¿Qué te apetece hacer?
help-reprompt = ¿Qué te apetece hacer? Si quieres terminar, di «salir».
fallback = Lo siento, no te he entendido. Di «ayuda» para saber qué puedo hacer, o dime qué te apetece hacer.
fallback-reprompt = ¿Qué te apetece hacer? También puedes decir «ayuda».
error = Lo siento, algo ha fallado. Por favor, vuelve a intentarlo.
navigate-home = Vale, ¡hasta la próxima!
permission-consent = Necesito tu permiso para eso. Te he enviado una tarjeta a la aplicación de Alexa para que puedas darlo.
