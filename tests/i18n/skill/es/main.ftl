# Español de América.
welcome = ¡Te damos la bienvenida a Datos de Frutas! Pide un dato o di “ayuda”.
fact = { $fruit } tiene { $calories } calorías por cada cien gramos.
basket = { $count ->
    [one] Tienes una manzana, { $name }.
   *[other] Tienes { $count } manzanas, { $name }.
}
colour = ¿Cuál es tu color favorito?
greeting = ¡Hola, { $name }!
countdown = ¿Listo? <break time="1s"/> ¡Ya!
weight = Eso pesa { $kg } kilogramos.
card = Datos de Frutas
    .title = La fruta de hoy
