# %% mutant: sin-herencia | cell: scoring-customer | breaks: R1
# Un modelo nuevo desde cero: pierde los rangos del contrato, las regiones y extra="forbid".
from pydantic import BaseModel


class ScoringCustomer(BaseModel):
    customer_id: str = Field(pattern=r"^C-\d{1,10}$")
    age: int
    tenure_months: int
    balance_eur: float
    estimated_salary_eur: float
    credit_score: int
    num_products: int
    has_credit_card: bool
    is_active_member: bool
    region: str

    @model_validator(mode="after")
    def _tenure_fits_age(self):
        if self.tenure_months > (self.age - 18) * 12:
            raise ValueError(f"tenure_months supera los meses desde los 18 años (age={self.age})")
        return self


# %% mutant: meses-desde-nacer | cell: scoring-customer | breaks: R2
# Compara con la edad entera en meses (age * 12): deja pasar al cliente desde los 10 años.
class ScoringCustomer(Customer):
    customer_id: str = Field(pattern=r"^C-\d{1,10}$")

    @model_validator(mode="after")
    def _tenure_fits_age(self):
        if self.tenure_months > self.age * 12:
            raise ValueError(f"tenure_months supera la edad (age={self.age})")
        return self


# %% mutant: borde-excluido | cell: scoring-customer | breaks: R2
# Usa >= : rechaza el borde, que es válido.
class ScoringCustomer(Customer):
    customer_id: str = Field(pattern=r"^C-\d{1,10}$")

    @model_validator(mode="after")
    def _tenure_fits_age(self):
        if self.tenure_months >= (self.age - 18) * 12:
            raise ValueError(f"tenure_months supera los meses desde los 18 años (age={self.age})")
        return self


# %% mutant: id-opcional | cell: scoring-customer | breaks: R3
# Comprueba el formato solo si llega: customer_id sigue siendo opcional.
class ScoringCustomer(Customer):
    @field_validator("customer_id")
    @classmethod
    def _id_format(cls, value):
        if value is not None and not re.fullmatch(r"C-\d{1,10}", value):
            raise ValueError("customer_id debe ser C- seguido de dígitos")
        return value

    @model_validator(mode="after")
    def _tenure_fits_age(self):
        if self.tenure_months > (self.age - 18) * 12:
            raise ValueError(f"tenure_months supera los meses desde los 18 años (age={self.age})")
        return self


# %% mutant: id-sin-anclar | cell: scoring-customer | breaks: R3
# re.match sin anclar el final: acepta "C-12a" y más de 10 dígitos.
class ScoringCustomer(Customer):
    customer_id: str

    @field_validator("customer_id")
    @classmethod
    def _id_format(cls, value):
        if not re.match(r"C-\d", value):
            raise ValueError("customer_id debe ser C- seguido de dígitos")
        return value

    @model_validator(mode="after")
    def _tenure_fits_age(self):
        if self.tenure_months > (self.age - 18) * 12:
            raise ValueError(f"tenure_months supera los meses desde los 18 años (age={self.age})")
        return self


# %% mutant: override-sin-finally | cell: override-model | breaks: R2
# Quita el override al salir, pero no si el bloque lanza, y borra el que había antes.
class FakeModel:
    def __init__(self, probability, version="falso"):
        if isinstance(probability, bool) or not isinstance(probability, (int, float)):
            raise ValueError("probability debe ser un número")
        if math.isnan(probability) or not 0 <= probability <= 1:
            raise ValueError("probability debe estar entre 0 y 1")
        self.probability, self.version, self.threshold = float(probability), version, 0.5

    def predict(self, customers):
        return [
            {
                "customer_id": c.customer_id,
                "churn_probability": self.probability,
                "churn": self.probability >= self.threshold,
                "threshold": self.threshold,
                "model_version": self.version,
            }
            for c in customers
        ]


@contextmanager
def override_model(app, model):
    app.dependency_overrides[get_model] = lambda: model
    yield app
    app.dependency_overrides.pop(get_model, None)


# %% mutant: override-limpia-todo | cell: override-model | breaks: R2
# Al salir vacía TODOS los overrides (dependency_overrides.clear()).
class FakeModel:
    def __init__(self, probability, version="falso"):
        if isinstance(probability, bool) or not isinstance(probability, (int, float)):
            raise ValueError("probability debe ser un número")
        if math.isnan(probability) or not 0 <= probability <= 1:
            raise ValueError("probability debe estar entre 0 y 1")
        self.probability, self.version, self.threshold = float(probability), version, 0.5

    def predict(self, customers):
        return [
            {
                "customer_id": c.customer_id,
                "churn_probability": self.probability,
                "churn": self.probability >= self.threshold,
                "threshold": self.threshold,
                "model_version": self.version,
            }
            for c in customers
        ]


@contextmanager
def override_model(app, model):
    app.dependency_overrides[get_model] = lambda: model
    try:
        yield app
    finally:
        app.dependency_overrides.clear()


# %% mutant: sin-validar-probabilidad | cell: override-model | breaks: R3
# Acepta cualquier probabilidad (también True, "0.3" o 1.5).
class FakeModel:
    def __init__(self, probability, version="falso"):
        self.probability, self.version, self.threshold = probability, version, 0.5

    def predict(self, customers):
        return [
            {
                "customer_id": c.customer_id,
                "churn_probability": self.probability,
                "churn": self.probability >= self.threshold,
                "threshold": self.threshold,
                "model_version": self.version,
            }
            for c in customers
        ]


@contextmanager
def override_model(app, model):
    missing = object()
    previous = app.dependency_overrides.get(get_model, missing)
    app.dependency_overrides[get_model] = lambda: model
    try:
        yield app
    finally:
        if previous is missing:
            app.dependency_overrides.pop(get_model, None)
        else:
            app.dependency_overrides[get_model] = previous


# %% mutant: version-fija | cell: override-model | breaks: R1
# Ignora la versión recibida: todas las respuestas dicen "falso".
class FakeModel:
    def __init__(self, probability, version="falso"):
        if isinstance(probability, bool) or not isinstance(probability, (int, float)):
            raise ValueError("probability debe ser un número")
        if math.isnan(probability) or not 0 <= probability <= 1:
            raise ValueError("probability debe estar entre 0 y 1")
        self.probability, self.version, self.threshold = float(probability), "falso", 0.5

    def predict(self, customers):
        return [
            {
                "customer_id": c.customer_id,
                "churn_probability": self.probability,
                "churn": self.probability >= self.threshold,
                "threshold": self.threshold,
                "model_version": self.version,
            }
            for c in customers
        ]


@contextmanager
def override_model(app, model):
    missing = object()
    previous = app.dependency_overrides.get(get_model, missing)
    app.dependency_overrides[get_model] = lambda: model
    try:
        yield app
    finally:
        if previous is missing:
            app.dependency_overrides.pop(get_model, None)
        else:
            app.dependency_overrides[get_model] = previous


# %% mutant: filtra-la-excepcion | cell: problem-handler | breaks: R3
# Pone el texto de la excepción en el detalle «para ayudar a depurar».
async def model_failure_handler(request, exc):
    return problem(request, 503, f"El modelo falló: {exc}", headers={"Retry-After": "30"})


# %% mutant: json-normal | cell: problem-handler | breaks: R1
# Un JSON cualquiera con status 500 y application/json: no es RFC 9457.
async def model_failure_handler(request, exc):
    return JSONResponse({"error": "El modelo no pudo responder."}, status_code=500)


# %% mutant: sin-request-id | cell: problem-handler | breaks: R2
# Cuerpo RFC 9457 correcto, pero sin request_id ni Retry-After.
async def model_failure_handler(request, exc):
    body = {
        "type": "about:blank",
        "title": "Servicio no disponible",
        "status": 503,
        "detail": "El modelo no pudo responder.",
        "instance": request.url.path,
    }
    return JSONResponse(body, status_code=503, media_type=PROBLEM_JSON)


# %% mutant: borde-rechazado | cell: batch-limit | breaks: R1
# Usa >= : rechaza un lote con exactamente max_batch clientes.
def enforce_batch_limit(batch, settings):
    if not isinstance(batch, BatchRequest) or not isinstance(settings, Settings):
        raise TypeError("batch debe ser un BatchRequest y settings un Settings")
    size = len(batch.customers)
    if size >= settings.max_batch:
        raise ProblemError(
            413,
            "lote-demasiado-grande",
            f"El lote trae {size} clientes y el máximo es {settings.max_batch}.",
            max_batch=settings.max_batch,
        )
    return batch


# %% mutant: estado-422 | cell: batch-limit | breaks: R2
# Responde 422 y un detalle sin cifras.
def enforce_batch_limit(batch, settings):
    if not isinstance(batch, BatchRequest) or not isinstance(settings, Settings):
        raise TypeError("batch debe ser un BatchRequest y settings un Settings")
    if len(batch.customers) > settings.max_batch:
        raise ProblemError(422, "validacion", "El lote es demasiado grande.")
    return batch


# %% mutant: sin-tipos | cell: batch-limit | breaks: R3
# No comprueba los tipos: una lista falla con AttributeError, un dict de settings también.
def enforce_batch_limit(batch, settings):
    size = len(batch.customers)
    if size > settings.max_batch:
        raise ProblemError(
            413,
            "lote-demasiado-grande",
            f"El lote trae {size} clientes y el máximo es {settings.max_batch}.",
            max_batch=settings.max_batch,
        )
    return batch


# %% mutant: slo-con-p95 | cell: latency-budget | breaks: R1
# Mide el SLO con p95 en vez de p99 y olvida los fallos.
def latency_budget(result, slo_p99_ms, target_rps, utilization=0.7):
    for value in (slo_p99_ms, target_rps):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
            raise ValueError("slo_p99_ms y target_rps deben ser números mayores que 0")
    if not 0 < utilization <= 1 or not result.rps > 0:
        raise ValueError("utilization debe estar en (0, 1] y la prueba debe tener peticiones")
    return {
        "cumple_slo": result.p95_ms <= slo_p99_ms,
        "margen_ms": slo_p99_ms - result.p95_ms,
        "replicas": max(1, math.ceil(target_rps / (result.rps * utilization))),
    }


# %% mutant: sin-margen | cell: latency-budget | breaks: R2
# Réplicas al 100 % de la capacidad medida, redondeando hacia abajo.
def latency_budget(result, slo_p99_ms, target_rps, utilization=0.7):
    for value in (slo_p99_ms, target_rps):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
            raise ValueError("slo_p99_ms y target_rps deben ser números mayores que 0")
    if not 0 < utilization <= 1 or not result.rps > 0:
        raise ValueError("utilization debe estar en (0, 1] y la prueba debe tener peticiones")
    return {
        "cumple_slo": result.p99_ms <= slo_p99_ms and result.failure_rate <= 0.01,
        "margen_ms": slo_p99_ms - result.p99_ms,
        "replicas": max(1, int(target_rps / result.rps)),
    }


# %% mutant: sin-validar-entrada | cell: latency-budget | breaks: R3
# Sin validación: rps 0 divide por cero (ZeroDivisionError) y un SLO 0 pasa.
def latency_budget(result, slo_p99_ms, target_rps, utilization=0.7):
    return {
        "cumple_slo": result.p99_ms <= slo_p99_ms and result.failure_rate <= 0.01,
        "margen_ms": slo_p99_ms - result.p99_ms,
        "replicas": max(1, math.ceil(target_rps / (result.rps * utilization))),
    }
