### Cuenta regresiva de cumpleaños, español neutro de América (es-MX, es-US; es-ES cambia lo necesario).
### Los números llegan como cifras; Alexa los lee en español.

welcome = ¡Hola! Cuento los días que faltan para tu cumpleaños. ¿Cuándo naciste?
welcome-reprompt = Dime el día, el mes y el año, por ejemplo: seis de noviembre de mil novecientos noventa. ¿Cuándo naciste?
welcome-back = ¡Hola de nuevo!
help = Me acuerdo de tu cumpleaños y cuento los días que faltan. Para decírmelo o cambiarlo, di la fecha, por ejemplo: mi cumpleaños es el seis de noviembre de mil novecientos noventa. ¿Cuándo es tu cumpleaños?
help-reprompt = Dime el día, el mes y el año. ¿Cuándo es tu cumpleaños?
# $month (Number) del 1 al 12.
month-name = { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
}
# $month (Number), $day (Number), $year (Number).
birthday-date = { $day } de { month-name } de { $year }
birthday-saved = ¡Gracias! Recordaré que naciste el { birthday-date }.
# $days (Number) días hasta el próximo cumpleaños, $age (Number) la edad ese día.
countdown = { $days ->
    [1] ¡Tu cumpleaños es mañana!
   *[other] Faltan { $days } días para tu cumpleaños.
} Cumplirás { $age ->
    [one] { $age } año.
   *[other] { $age } años.
}
happy-birthday = ¡Feliz cumpleaños! Hoy cumples { $age ->
    [one] { $age } año.
   *[other] { $age } años.
}
leap-day-note = Este año no tiene veintinueve de febrero, así que cuento hasta el veintiocho.
invalid-date = Lo siento, no puedo contar hasta el { birthday-date }. Dime el día, el mes y el año. ¿Cuándo naciste?
goodbye = ¡Hasta pronto! Yo sigo contando.
cancelled = De acuerdo, lo dejamos. ¡Hasta pronto!
fallback = Lo siento, con eso no puedo ayudarte. Cuento los días que faltan para tu cumpleaños. Puedes decirme tu fecha de nacimiento, o decir “salir”. ¿Qué quieres hacer?
fallback-reprompt = Puedes decirme tu fecha de nacimiento, o decir “salir”. ¿Qué quieres hacer?
