"""La API del proyecto (módulo 11): sirve el modelo campeón registrado en MLflow.

Arranque (la fábrica no hace nada al importarse; el modelo se carga una vez, en el lifespan)::

    uvicorn churn_project.api.app:create_app --factory --host 127.0.0.1 --port 8000

Módulos: ``settings`` (variables de entorno), ``schemas`` (modelos de petición y respuesta
generados desde el contrato de datos), ``model`` (carga por alias), ``dependencies`` (modelo,
configuración y clave de API, sustituibles en los tests), ``middleware`` (id de petición, tiempo
y límite de tamaño), ``errors`` (problem details, RFC 9457) y ``app`` (la fábrica y las rutas).
"""

from churn_project.api.app import create_app
from churn_project.api.settings import Settings

__all__ = ["Settings", "create_app"]
