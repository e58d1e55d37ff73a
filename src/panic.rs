//! Turning panics in handlers into errors, for the skill and the runtime loop.
//!
//! Both need `panic = "unwind"` (the default, and what the release profile
//! keeps): with `panic = "abort"` the process dies instead.

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::{Error, ErrorKind};

/// Creates a future with `make` and runs it, turning a panic while creating
/// or polling it into `Err(message)`.
pub(crate) async fn catch_panic<F: Future>(make: impl FnOnce() -> F) -> Result<F::Output, String> {
    let future = catch_unwind(AssertUnwindSafe(make)).map_err(|p| panic_message(p.as_ref()))?;
    CatchUnwind { future }.await
}

/// An [`ErrorKind::Panic`] error for a caught panic's message.
pub(crate) fn panic_error(message: String) -> Error {
    Error::new(ErrorKind::Panic, format!("skill code panicked: {message}"))
}

/// Runs a piece of skill code (handler, interceptor, `can_handle`, error
/// handler): a panic becomes an [`ErrorKind::Panic`] error, so every piece
/// takes the same error path as a handler's `Err`.
pub(crate) async fn guarded<T, F: Future<Output = Result<T, Error>>>(
    make: impl FnOnce() -> F,
) -> Result<T, Error> {
    catch_panic(make).await.map_err(panic_error)?
}

pin_project_lite::pin_project! {
    struct CatchUnwind<F> {
        #[pin]
        future: F,
    }
}

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, String>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let future = self.project().future;
        match catch_unwind(AssertUnwindSafe(|| future.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Err(payload) => Poll::Ready(Err(panic_message(payload.as_ref()))),
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a non-string panic payload".to_owned()
    }
}
