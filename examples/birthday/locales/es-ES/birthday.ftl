### Cuenta atrás de cumpleaños: variante de España (comillas latinas, «vale»).

cancelled = Vale, lo dejamos. ¡Hasta pronto!
fallback = Lo siento, con eso no puedo ayudarte. Cuento los días que faltan para tu cumpleaños. Puedes decirme tu fecha de nacimiento, o decir «salir». ¿Qué quieres hacer?
fallback-reprompt = Puedes decirme tu fecha de nacimiento, o decir «salir». ¿Qué quieres hacer?
