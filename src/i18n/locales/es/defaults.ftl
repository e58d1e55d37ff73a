# Mensajes integrados de alexa-kit (español neutro de América, con tuteo).
# España tiene su propia variante en es-ES.

welcome = ¡Te doy la bienvenida! Di “ayuda” para saber qué puedo hacer. ¿Qué te gustaría hacer?
welcome-reprompt = ¿Qué te gustaría hacer? Si tienes dudas, di “ayuda”.
help = Solo dime qué te gustaría hacer y haré lo posible por ayudarte. Si quieres terminar, di “salir”. ¿Qué te gustaría hacer?
help-reprompt = ¿Qué te gustaría hacer? Si quieres terminar, di “salir”.
goodbye = ¡Hasta luego!
fallback = Perdón, no entendí. Di “ayuda” para saber qué puedo hacer, o dime qué te gustaría hacer.
fallback-reprompt = ¿Qué te gustaría hacer? También puedes decir “ayuda”.
error = Perdón, algo salió mal. Por favor, inténtalo de nuevo.
navigate-home = De acuerdo, ¡hasta la próxima!
permission-consent = Necesito tu permiso para eso. Te envié una tarjeta a la app de Alexa donde puedes darlo.
