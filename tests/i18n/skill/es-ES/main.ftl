# España: solo lo que cambia.
countdown = ¿Preparado? <break time="1s"/> ¡Vamos!
